package com.notalabel.ai.writing;

import java.util.List;

import com.notalabel.ai.fact.FactResponse;

/**
 * Generated text for the artist to edit.
 *
 * @param kind what kind of text
 * @param text the text
 * @param maxChars the limit it respects
 * @param facts the facts it cites
 * @param ungroundedRemoved whether sentences with numbers not in the facts were taken out
 * @param removedSentences those sentences
 */
record ContentResponse(ContentKind kind, String text, int maxChars, List<FactResponse> facts, boolean ungroundedRemoved,
		List<String> removedSentences) {

}
