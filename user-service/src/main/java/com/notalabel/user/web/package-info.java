/**
 * Conventions of this service's HTTP API that several features share.
 */
@NullMarked
package com.notalabel.user.web;

import org.jspecify.annotations.NullMarked;
