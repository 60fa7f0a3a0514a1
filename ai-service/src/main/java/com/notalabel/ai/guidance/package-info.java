/**
 * A plan for the artist's next weeks: rules that cite the facts they rest on, written up
 * by the model when one is configured.
 */
@NullMarked
package com.notalabel.ai.guidance;

import org.jspecify.annotations.NullMarked;
