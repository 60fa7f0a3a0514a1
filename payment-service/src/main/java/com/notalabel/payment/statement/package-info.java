/**
 * Monthly statements: per track, store and payee, what stores reported, the fee, each
 * share and what is still held, with the month's payouts; JSON or CSV.
 */
@NullMarked
package com.notalabel.payment.statement;

import org.jspecify.annotations.NullMarked;
