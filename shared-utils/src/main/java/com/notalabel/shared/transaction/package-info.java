/**
 * Work that follows a transaction's commit.
 */
@NullMarked
package com.notalabel.shared.transaction;

import org.jspecify.annotations.NullMarked;
