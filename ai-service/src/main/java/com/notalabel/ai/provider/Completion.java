package com.notalabel.ai.provider;

/**
 * What the provider answered and what it cost.
 *
 * @param text the answer
 * @param promptTokens tokens read
 * @param completionTokens tokens written
 */
public record Completion(String text, int promptTokens, int completionTokens) {

}
