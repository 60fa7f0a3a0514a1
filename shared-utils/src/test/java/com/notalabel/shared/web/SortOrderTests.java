package com.notalabel.shared.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.data.domain.Sort;

import com.notalabel.shared.web.Problems.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SortOrderTests {

	static final List<SortOrder.Key> KEYS = List.of(
			new SortOrder.Key("created", Sort.Direction.DESC,
					(by) -> Sort.by(new Sort.Order(by, "createdAt"), new Sort.Order(by, "id"))),
			new SortOrder.Key("title", Sort.Direction.ASC, (by) -> Sort.by(by, "title", "id")));

	@Test
	void takesAKeyInItsDefaultDirection() {
		assertThat(SortOrder.of("created", KEYS))
			.isEqualTo(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
		assertThat(SortOrder.of("title", KEYS)).isEqualTo(Sort.by(Sort.Direction.ASC, "title", "id"));
	}

	@Test
	void takesTheDirectionAskedForWhateverItsCaseAndSpaces() {
		assertThat(SortOrder.of(" Created , ASC ", KEYS))
			.isEqualTo(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id")));
	}

	@Nested
	class Refuses {

		@ParameterizedTest
		@ValueSource(strings = { "", "price", "created,up", "created,asc,id", "title,", "created\u0000" })
		void anOrderTheListDoesNotOfferNamingTheParameter(String value) {
			assertThatExceptionOfType(InvalidListQuery.class).isThrownBy(() -> SortOrder.of(value, KEYS))
				.satisfies((refusal) -> assertThat(refusal.status().value()).isEqualTo(400));
			List<FieldError> errors = new ArrayList<>();
			assertThat(SortOrder.parse(value, KEYS, errors)).isEqualTo(Sort.unsorted());
			assertThat(errors).extracting(FieldError::field).containsExactly(SortOrder.PARAMETER);
		}

	}

}
