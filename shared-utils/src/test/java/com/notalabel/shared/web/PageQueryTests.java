package com.notalabel.shared.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

import com.notalabel.shared.web.Problems.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PageQueryTests {

	@Test
	void capsTheSizeAtAHundred() {
		assertThat(PageQuery.of(3, 500)).isEqualTo(new PageQuery(3, 100));
		assertThat(PageQuery.of(0, 20).pageable(Sort.by("title"))).isEqualTo(PageRequest.of(0, 20, Sort.by("title")));
	}

	@Test
	void defaultsToTheFirstPageOfTwenty() {
		assertThat(PageQuery.of(Integer.parseInt(PageQuery.FIRST_PAGE), Integer.parseInt(PageQuery.DEFAULT_SIZE)))
			.isEqualTo(new PageQuery(0, 20));
	}

	@Test
	void refusesANegativePageAndAnEmptySizeNamingBoth() {
		assertThatExceptionOfType(InvalidListQuery.class).isThrownBy(() -> PageQuery.of(-1, 0))
			.satisfies((ex) -> assertThat(ex.status().value()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.properties()).containsEntry(Problems.ERRORS,
					List.of(new FieldError("page", "must be 0 or more"), new FieldError("size", "must be 1 or more"))));
		assertThat(PageQuery.errors(0, 1)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new PageQuery(0, 101));
	}

	@Test
	void answersAPageMappedToResponseItems() {
		PageResponse<String> page = PageResponse.of(new PageImpl<>(List.of(1, 2), PageRequest.of(2, 2), 57),
				(n) -> "item " + n);

		assertThat(page).isEqualTo(new PageResponse<>(List.of("item 1", "item 2"), 2, 2, 57));
	}

}
