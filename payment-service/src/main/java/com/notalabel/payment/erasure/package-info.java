/**
 * What happens to a deleted account's data: personal data goes, financial records stay
 * (ADR 37).
 */
@NullMarked
package com.notalabel.payment.erasure;

import org.jspecify.annotations.NullMarked;
