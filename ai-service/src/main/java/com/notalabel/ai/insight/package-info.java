/**
 * What a track's analysis means for it in each store, computed by rules from the facts,
 * with no model.
 */
@NullMarked
package com.notalabel.ai.insight;

import org.jspecify.annotations.NullMarked;
