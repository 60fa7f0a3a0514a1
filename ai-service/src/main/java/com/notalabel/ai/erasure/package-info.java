/**
 * Erasure of a deleted account: facts, threads and call records.
 */
@NullMarked
package com.notalabel.ai.erasure;

import org.jspecify.annotations.NullMarked;
