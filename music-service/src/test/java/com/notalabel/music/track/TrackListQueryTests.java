package com.notalabel.music.track;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.InvalidListQuery;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TrackListQueryTests {

	/** Each order as {@code property direction}, ties included. */
	private static List<String> orders(TrackListQuery query) {
		return query.pageable()
			.getSort()
			.stream()
			.map((order) -> order.getProperty() + " " + order.getDirection())
			.toList();
	}

	private static TrackListQuery query(String sort) {
		return TrackListQuery.of(0, 20, null, sort);
	}

	@SuppressWarnings("unchecked")
	private static List<FieldError> errorsOf(int page, int size, @Nullable String status, String sort) {
		InvalidListQuery invalid = catchThrowableOfType(InvalidListQuery.class,
				() -> TrackListQuery.of(page, size, status, sort));
		assertThat(invalid).as("refused").isNotNull();
		assertThat(invalid.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(invalid.code()).isEqualTo("request.invalid");
		return (List<FieldError>) invalid.properties().get(Problems.ERRORS);
	}

	@Test
	void listsTheNewestFirstTwentyAtATimeByDefault() {
		TrackListQuery query = TrackListQuery.of(0, 20, null, TrackListQuery.DEFAULT_SORT);

		assertThat(query.pageable().getPageNumber()).isZero();
		assertThat(query.pageable().getPageSize()).isEqualTo(20);
		assertThat(query.status()).isNull();
		assertThat(orders(query)).containsExactly("createdAt DESC", "id DESC");
	}

	@Test
	void capsThePageSizeAtOneHundred() {
		assertThat(TrackListQuery.of(3, 1000, null, "created").pageable().getPageSize()).isEqualTo(100);
		assertThat(TrackListQuery.of(3, 100, null, "created").pageable().getPageSize()).isEqualTo(100);
		assertThat(TrackListQuery.of(3, 1, null, "created").pageable().getPageSize()).isEqualTo(1);
		assertThat(TrackListQuery.of(3, 1000, null, "created").pageable().getPageNumber()).isEqualTo(3);
	}

	@ParameterizedTest
	@CsvSource({ "READY, READY", "ready, READY", "' failed ', FAILED", "Processing, PROCESSING" })
	void filtersByAStatusInAnyCase(String given, TrackStatus status) {
		assertThat(TrackListQuery.of(0, 20, given, "created").status()).isEqualTo(status);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void readsABlankStatusAsEveryStatus(String status) {
		assertThat(TrackListQuery.of(0, 20, status, "created").status()).isNull();
	}

	@Test
	void sortsByCreationNewestFirstUnlessAskedOtherwise() {
		assertThat(orders(query("created"))).containsExactly("createdAt DESC", "id DESC");
		assertThat(orders(query("created,asc"))).containsExactly("createdAt ASC", "id ASC");
		assertThat(orders(query("created,desc"))).containsExactly("createdAt DESC", "id DESC");
	}

	@Test
	void sortsByTitleCaseInsensitivelyFromAUnlessAskedOtherwise() {
		assertThat(orders(query("title"))).containsExactly("lower(t.title) ASC", "id ASC");
		assertThat(orders(query("title,desc"))).containsExactly("lower(t.title) DESC", "id DESC");
	}

	@ParameterizedTest
	@ValueSource(strings = { "TITLE,DESC", " title , desc ", "Title,Desc" })
	void readsTheSortKeyInAnyCaseAndSpacing(String sort) {
		assertThat(orders(query(sort))).containsExactly("lower(t.title) DESC", "id DESC");
	}

	@Nested
	class Refuses {

		@Test
		void aNegativePage() {
			assertThat(errorsOf(-1, 20, null, "created")).containsExactly(new FieldError("page", "must be 0 or more"));
		}

		@ParameterizedTest
		@ValueSource(ints = { 0, -5 })
		void aPageSizeBelowOne(int size) {
			assertThat(errorsOf(0, size, null, "created")).containsExactly(new FieldError("size", "must be 1 or more"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "DONE", "READY,FAILED", "0", "READY\u0000" })
		void aStatusThatDoesNotExist(String status) {
			assertThat(errorsOf(0, 20, status, "created"))
				.containsExactly(new FieldError("status", "must be one of PROCESSING, READY, FAILED"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "duration", "", "createdAt", "title,asc,id", ",asc", "title\u0000" })
		void anOrderThatDoesNotExist(String sort) {
			assertThat(errorsOf(0, 20, null, sort)).containsExactly(
					new FieldError("sort", "must be created or title, optionally followed by ,asc or ,desc"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "title,up", "created,", "title, ascending" })
		void aDirectionThatDoesNotExist(String sort) {
			assertThat(errorsOf(0, 20, null, sort))
				.containsExactly(new FieldError("sort", "must end in ,asc or ,desc"));
		}

		@Test
		void everyWrongParameterAtOnce() {
			assertThat(errorsOf(-1, 0, "DONE", "duration")).extracting(FieldError::field)
				.containsExactly("page", "size", "status", "sort");
		}

	}

	@Test
	void breaksTiesByIdSoThatPagesNeverOverlap() {
		for (String sort : List.of("created", "created,asc", "title", "title,desc")) {
			List<Sort.Order> orders = query(sort).pageable().getSort().toList();
			assertThat(orders).as(sort).hasSize(2);
			assertThat(orders.get(1).getProperty()).as(sort).isEqualTo("id");
			assertThat(orders.get(1).getDirection()).as(sort).isEqualTo(orders.get(0).getDirection());
		}
	}

}
