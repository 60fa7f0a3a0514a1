/**
 * {@code GET /health}: the gateway's own state and every service's readiness in one
 * document.
 */
@NullMarked
package com.notalabel.gateway.health;

import org.jspecify.annotations.NullMarked;
