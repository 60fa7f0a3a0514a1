package com.notalabel.distribution.release;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.distribution.delivery.Deliveries.StatusEntry;
import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.types.id.ReleaseId;

@RestController
class ReleaseController {

	private final Releases releases;

	ReleaseController(Releases releases) {
		this.releases = releases;
	}

	/**
	 * Creates a draft release and answers with its readiness report per store.
	 */
	@PostMapping("/api/v1/releases")
	ResponseEntity<ReleaseResponse> create(CurrentUser user, @RequestBody ReleaseRequest request) {
		ReleaseResponse release = this.releases.create(user.id(), request);
		return ResponseEntity.created(URI.create("/api/v1/releases/" + release.id())).body(release);
	}

	@GetMapping("/api/v1/releases")
	PageResponse<ReleaseResponse> list(CurrentUser user, @RequestParam(defaultValue = PageQuery.FIRST_PAGE) int page,
			@RequestParam(defaultValue = PageQuery.DEFAULT_SIZE) int size) {
		return this.releases.list(user.id(), PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/releases/{id}")
	ReleaseResponse get(CurrentUser user, @PathVariable UUID id) {
		return this.releases.get(user.id(), ReleaseId.of(id));
	}

	/**
	 * 202 once every chosen store passes its rules and a delivery to each is queued; 422
	 * with the report otherwise.
	 */
	@PostMapping("/api/v1/releases/{id}/submit")
	ResponseEntity<ReleaseResponse> submit(CurrentUser user, @PathVariable UUID id) {
		return ResponseEntity.accepted().body(this.releases.submit(user.id(), ReleaseId.of(id)));
	}

	/**
	 * Sends the catalogue's current metadata (titles, genre, credits...) to every store
	 * as a new message; 409 naming the field when a UPC, an ISRC or the running order
	 * changed.
	 */
	@PostMapping("/api/v1/releases/{id}/update")
	ResponseEntity<ReleaseResponse> update(CurrentUser user, @PathVariable UUID id) {
		return ResponseEntity.accepted().body(this.releases.update(user.id(), ReleaseId.of(id)));
	}

	@PostMapping("/api/v1/releases/{id}/takedown")
	ResponseEntity<ReleaseResponse> takedown(CurrentUser user, @PathVariable UUID id) {
		return ResponseEntity.accepted().body(this.releases.takedown(user.id(), ReleaseId.of(id)));
	}

	/**
	 * Each store's status timeline, oldest first.
	 */
	@GetMapping("/api/v1/releases/{id}/deliveries")
	DeliveriesResponse deliveries(CurrentUser user, @PathVariable UUID id) {
		Map<String, List<StatusEntry>> timelines = this.releases.timelines(user.id(), ReleaseId.of(id));
		return new DeliveriesResponse(timelines.entrySet()
			.stream()
			.map((entry) -> new PlatformDeliveries(entry.getKey(),
					entry.getValue().isEmpty() ? null : entry.getValue().getLast().status().name(), entry.getValue()))
			.toList());
	}

	/**
	 * The exact ERN message last sent to the store.
	 */
	@GetMapping("/api/v1/releases/{id}/ddex")
	ResponseEntity<String> ddex(CurrentUser user, @PathVariable UUID id, @RequestParam String platform) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_XML)
			.body(this.releases.message(user.id(), ReleaseId.of(id), platform));
	}

	/**
	 * @param items one per store of the release
	 */
	record DeliveriesResponse(List<PlatformDeliveries> items) {

	}

	/**
	 * @param platform the store
	 * @param status the current status, or {@code null} before submission
	 * @param timeline every status reached, oldest first
	 */
	record PlatformDeliveries(String platform, @org.jspecify.annotations.Nullable String status,
			List<StatusEntry> timeline) {

	}

}
