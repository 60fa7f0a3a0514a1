/**
 * Problem details (RFC 9457), request ids and the error page shared by every service.
 */
@NullMarked
package com.notalabel.shared.web;

import org.jspecify.annotations.NullMarked;
