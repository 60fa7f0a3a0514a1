/**
 * The platform's operations read from its OpenAPI documents, and the bad-input matrix
 * expanded from them.
 */
@NullMarked
package com.notalabel.bench.chaos.openapi;

import org.jspecify.annotations.NullMarked;
