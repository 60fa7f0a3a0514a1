package com.notalabel.bench.chaos.openapi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class BadInputsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DOCUMENT = """
			{
			  "openapi": "3.1.0",
			  "security": [{"bearer": []}],
			  "paths": {
			    "/api/v1/albums/{id}": {
			      "delete": {"parameters": [{"$ref": "#/components/parameters/Id"}]},
			      "patch": {
			        "parameters": [{"$ref": "#/components/parameters/Id"}],
			        "requestBody": {"content": {"application/merge-patch+json":
			          {"schema": {"$ref": "#/components/schemas/AlbumRequest"}}}}
			      }
			    },
			    "/api/v1/albums": {
			      "get": {
			        "security": [],
			        "parameters": [{"name": "sort", "in": "query", "schema": {"type": "string"}},
			          {"name": "size", "in": "query", "schema": {"type": "integer", "minimum": 1}}]
			      }
			    }
			  },
			  "components": {
			    "parameters": {"Id": {"name": "id", "in": "path", "required": true,
			      "schema": {"type": "string", "format": "uuid"}}},
			    "schemas": {
			      "AlbumRequest": {"allOf": [{"$ref": "#/components/schemas/Titled"}, {"properties": {
			        "type": {"type": "string", "enum": ["SINGLE", "EP", "ALBUM"]},
			        "releaseDate": {"type": ["string", "null"], "format": "date"}}}]},
			      "Titled": {"required": ["title"], "properties": {"title": {"type": "string", "maxLength": 200}}}
			    }
			  }
			}
			""";

	private final List<Operation> operations = ApiCatalogue.operations("music-service", JSON.readTree(DOCUMENT));

	@Test
	void readsEveryOperationWithReadsFirstAndDeletionsLast() {
		assertThat(this.operations).extracting(Operation::toString)
			.containsExactly("GET /api/v1/albums", "PATCH /api/v1/albums/{id}", "DELETE /api/v1/albums/{id}");
		assertThat(this.operations.get(0).secured()).isFalse();
		assertThat(this.operations.get(1).secured()).isTrue();
	}

	@Test
	void resolvesReferencesAndCompositionsOfTheBody() {
		Operation patch = this.operations.get(1);
		assertThat(patch.body()).isNotNull();
		assertThat(patch.body().mediaType()).isEqualTo("application/merge-patch+json");
		assertThat(Schemas.propertyNames(patch.body().schema())).containsExactly("title", "type", "releaseDate");
		assertThat(patch.in("path")).extracting(Operation.Parameter::name).containsExactly("id");
	}

	@Test
	void fillsPathIdsWithTheArtistsOwnResources() {
		List<FuzzCase> cases = BadInputs.expand(this.operations.get(1), Map.of("id", "0194c6e0-own"), new byte[0]);
		assertThat(cases).filteredOn((fuzzCase) -> fuzzCase.label().startsWith("body."))
			.allSatisfy((fuzzCase) -> assertThat(fuzzCase.target()).isEqualTo("/api/v1/albums/0194c6e0-own"));
		assertThat(cases).filteredOn((fuzzCase) -> fuzzCase.label().startsWith("path: a random id"))
			.singleElement()
			.satisfies((fuzzCase) -> assertThat(fuzzCase.target()).matches("/api/v1/albums/[0-9a-f-]{36}"));
	}

	@Test
	void sendsEachStringFieldACharacterNoTextMayHoldAsAnEscape() {
		List<FuzzCase> cases = BadInputs.expand(this.operations.get(1), Map.of(), new byte[0]);
		FuzzCase surrogate = cases.stream()
			.filter((fuzzCase) -> fuzzCase.label().equals("body.title: unpaired surrogate"))
			.findFirst()
			.orElseThrow();
		assertThat(new String(surrogate.body(), StandardCharsets.UTF_8)).contains("\"title\":\"\\ud800x\"");
		assertThat(surrogate.refuse()).isTrue();
		assertThat(cases).extracting(FuzzCase::label)
			.contains("body.title: NUL", "body.type: an unknown enum value",
					"body.releaseDate: out of range (+999999999-01-01)", "json: duplicate key title",
					"json: Content-Length larger than the body");
	}

	@Test
	void sendsUnknownSortKeysAndBadPercentEncodingInTheQuery() {
		List<FuzzCase> cases = BadInputs.expand(this.operations.get(0), Map.of(), new byte[0]);
		assertThat(cases).filteredOn((fuzzCase) -> fuzzCase.label().equals("query sort=noSuchKey,asc"))
			.singleElement()
			.satisfies((fuzzCase) -> assertThat(fuzzCase.refuse()).isTrue());
		assertThat(cases).filteredOn((fuzzCase) -> fuzzCase.target().endsWith("size=%zz"))
			.singleElement()
			.satisfies((fuzzCase) -> assertThat(fuzzCase.raw()).isTrue());
	}

}
