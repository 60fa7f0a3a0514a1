/**
 * What the service's HTTP API shares across its resources.
 */
@NullMarked
package com.notalabel.music.web;

import org.jspecify.annotations.NullMarked;
