/**
 * The double-entry ledger: accounts, append-only journal entries whose postings balance
 * per currency, and balances derived from them (ADR 38).
 */
@NullMarked
package com.notalabel.payment.ledger;

import org.jspecify.annotations.NullMarked;
