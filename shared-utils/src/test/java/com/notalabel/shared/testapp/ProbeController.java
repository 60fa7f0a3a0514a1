package com.notalabel.shared.testapp;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.ProblemException;

/**
 * Endpoints that fail in each of the ways the shared handler must render.
 */
@RestController
class ProbeController {

	private final JdbcClient jdbc;

	private final RestClient.Builder restClients;

	private final Registrations registrations;

	ProbeController(JdbcClient jdbc, RestClient.Builder restClients, Registrations registrations) {
		this.jdbc = jdbc;
		this.restClients = restClients;
		this.registrations = registrations;
	}

	record Me(String id, String sessionId, List<String> roles) {

	}

	@GetMapping("/probe/me")
	Me me(CurrentUser user) {
		return new Me(user.id().toString(), user.sessionId().toString(), user.roles().stream().sorted().toList());
	}

	@GetMapping("/probe/admin")
	Map<String, String> admin(CurrentUser user) {
		if (!user.hasRole("admin")) {
			throw new AccessDeniedException("not an admin");
		}
		return Map.of("ok", "yes");
	}

	record EchoRequest(@NotBlank String name, @Min(1) @Max(10) int count, @Email String email) {

	}

	@PostMapping(path = "/probe/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
	EchoRequest echo(@Valid @RequestBody EchoRequest request) {
		return request;
	}

	record Link(String label, String url) {

	}

	record ProfileRequest(String displayName, List<Link> links, Map<String, String> tags, List<String> genres) {

	}

	@PostMapping(path = "/probe/profile", consumes = MediaType.APPLICATION_JSON_VALUE)
	ProfileRequest profile(@RequestBody ProfileRequest request) {
		return request;
	}

	@PostMapping(path = "/probe/patch", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, @Nullable Object> patch(@RequestBody Map<String, @Nullable Object> patch) {
		return patch;
	}

	@GetMapping("/probe/search")
	Map<String, Object> search(@RequestParam String q, @RequestParam(defaultValue = "0") int page) {
		return Map.of("q", q, "page", page);
	}

	@GetMapping("/probe/names/{name}")
	Map<String, String> name(@PathVariable String name) {
		return Map.of("name", name);
	}

	/** A value PostgreSQL refuses that no input check stopped: the database's verdict. */
	@PostMapping("/probe/store-nul")
	ResponseEntity<Void> storeNul() {
		this.jdbc.sql("insert into unique_thing (name) values (?)").param("a\u0000b").update();
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/probe/store-date")
	ResponseEntity<Void> storeDate() {
		this.jdbc.sql("insert into dated_thing (day) values (?)").param(LocalDate.of(999_999_999, 1, 1)).update();
		return ResponseEntity.noContent().build();
	}

	static final class ItemNotFound extends ProblemException {

		ItemNotFound(UUID id) {
			super(HttpStatus.NOT_FOUND, "item.not_found", "No item " + id + ".");
			with("itemId", id.toString());
			withHeader("Cache-Control", "max-age=5");
		}

	}

	@GetMapping("/probe/items/{id}")
	Map<String, String> item(@PathVariable UUID id) {
		throw new ItemNotFound(id);
	}

	@GetMapping("/probe/fail")
	Map<String, String> fail() {
		throw new IllegalStateException("select password_hash from users where email = 'victim@example.com'");
	}

	@PostMapping("/probe/duplicate")
	ResponseEntity<Void> duplicate() {
		String key = UUID.randomUUID().toString();
		this.jdbc.sql("insert into unique_thing (name) values (?)").param(key).update();
		this.jdbc.sql("insert into unique_thing (name) values (?)").param(key).update();
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/probe/upload")
	Map<String, Long> upload(@RequestPart("file") MultipartFile file) {
		return Map.of("size", file.getSize());
	}

	@GetMapping("/probe/outbound")
	String outbound(@RequestParam String url) {
		return this.restClients.build().get().uri(url).retrieve().body(String.class);
	}

	@PostMapping("/probe/registrations")
	ResponseEntity<Void> register(@RequestParam String email) {
		this.registrations.register(email);
		return ResponseEntity.accepted().build();
	}

	@GetMapping("/public/hello")
	Map<String, String> hello() {
		return Map.of("hello", "world");
	}

}
