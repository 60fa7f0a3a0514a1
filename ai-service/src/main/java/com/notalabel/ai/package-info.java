/**
 * ai-service: conversations, career plans and the facts they are grounded in.
 */
@NullMarked
package com.notalabel.ai;

import org.jspecify.annotations.NullMarked;
