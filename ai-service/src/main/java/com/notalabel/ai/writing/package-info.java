/**
 * Text written by the model from the facts: the fixed prompt, the grounding check that no
 * number is invented, and the content the artist asks for.
 */
@NullMarked
package com.notalabel.ai.writing;

import org.jspecify.annotations.NullMarked;
