package com.notalabel.notification.inbox;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;

@RestController
@RequestMapping("/api/v1/notifications")
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	PageResponse<NotificationResponse> list(CurrentUser user, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = PageQuery.FIRST_PAGE) int page,
			@RequestParam(defaultValue = PageQuery.DEFAULT_SIZE) int size) {
		return this.inbox.list(user.id(), unread, PageQuery.of(page, size));
	}

	@GetMapping("/unread-count")
	UnreadCount unreadCount(CurrentUser user) {
		return new UnreadCount(this.inbox.unread(user.id()));
	}

	@PostMapping("/{id}/read")
	ResponseEntity<Void> markRead(CurrentUser user, @PathVariable UUID id) {
		this.inbox.markRead(user.id(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/read-all")
	ResponseEntity<Void> markAllRead(CurrentUser user) {
		this.inbox.markAllRead(user.id());
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param unread how many notifications the person has not read
	 */
	record UnreadCount(long unread) {

	}

}
