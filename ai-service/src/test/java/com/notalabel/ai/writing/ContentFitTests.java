package com.notalabel.ai.writing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated text longer than where it goes is cut, never sent over the limit.
 */
class ContentFitTests {

	@Test
	void keepsATextThatFits() {
		assertThat(ContentController.fit("Night Drive is out.", 20)).isEqualTo("Night Drive is out.");
	}

	@Test
	void cutsAfterTheLastWholeSentenceThatFits() {
		String text = "Night Drive is out now. It was made in Lisbon at night. Listen everywhere.";

		String fitted = ContentController.fit(text, 60);

		assertThat(fitted).isEqualTo("Night Drive is out now. It was made in Lisbon at night.")
			.hasSizeLessThanOrEqualTo(60);
	}

	@Test
	void cutsAtAWordWithAnEllipsisWhenNoSentenceFits() {
		String fitted = ContentController.fit("A very long opening sentence without any end in sight at all", 30);

		assertThat(fitted).endsWith("…").hasSizeLessThanOrEqualTo(30);
		assertThat(fitted).isEqualTo("A very long opening sentence…");
	}

}
