/**
 * The configured model provider behind a breaker, retries and the artist's daily token
 * budget; nothing personal leaves through it.
 */
@NullMarked
package com.notalabel.ai.provider;

import org.jspecify.annotations.NullMarked;
