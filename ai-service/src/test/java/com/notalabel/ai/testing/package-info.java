/**
 * What the service's integration tests share: the Spring context with its provider
 * replaced at the HTTP level (WireMock speaking OpenAI's and Anthropic's wire formats),
 * its key set, and the streams of the services it listens to.
 */
@NullMarked
package com.notalabel.ai.testing;

import org.jspecify.annotations.NullMarked;
