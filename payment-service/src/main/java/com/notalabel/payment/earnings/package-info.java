/**
 * Earnings from store reports: each line's platform fee taken and the rest split among
 * the track's payees by the split in force for the line's period (ADR 36).
 */
@NullMarked
package com.notalabel.payment.earnings;

import org.jspecify.annotations.NullMarked;
