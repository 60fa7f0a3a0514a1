/**
 * Checks every service of the platform must pass.
 */
@NullMarked
package com.notalabel.test.service;

import org.jspecify.annotations.NullMarked;
