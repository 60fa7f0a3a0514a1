/**
 * Amounts of money, always as whole minor units of one currency.
 */
@NullMarked
package com.notalabel.types.money;

import org.jspecify.annotations.NullMarked;
