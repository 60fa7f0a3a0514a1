package com.notalabel.ai.writing;

import java.util.List;

/**
 * A checked answer.
 *
 * @param text the answer, citations taken out
 * @param factIds the facts it cites that exist
 * @param ungroundedRemoved whether sentences citing a number not in the facts were taken
 * out
 * @param removedSentences those sentences
 * @param attempts how many answers the provider wrote (2 when the first was regenerated)
 * @param promptTokens tokens read, every attempt together
 * @param completionTokens tokens written, every attempt together
 */
public record Written(String text, List<String> factIds, boolean ungroundedRemoved, List<String> removedSentences,
		int attempts, int promptTokens, int completionTokens) {

}
