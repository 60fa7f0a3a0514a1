package com.notalabel.notification.preference;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.notification.inbox.NotificationCategory;
import com.notalabel.notification.inbox.NotificationCategory.Channels;
import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.Problems.FieldError;

@RestController
@RequestMapping("/api/v1/notifications/preferences")
class PreferencesController {

	private final Preferences preferences;

	PreferencesController(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	PreferencesResponse get(CurrentUser user) {
		return PreferencesResponse.of(this.preferences.all(user.id()));
	}

	/**
	 * Changes the categories named; turning off the inbox or mail of a locked category is
	 * refused, and nothing is changed then.
	 */
	@PutMapping
	PreferencesResponse put(CurrentUser user, @RequestBody Map<String, Channels> categories) {
		Map<NotificationCategory, Channels> changes = new EnumMap<>(NotificationCategory.class);
		List<FieldError> errors = new ArrayList<>();
		categories.forEach((name, channels) -> {
			NotificationCategory category = category(name);
			if (category == null) {
				errors.add(new FieldError(name, "is not a notification category"));
			}
			else if (category.locked() && (!channels.inbox() || !channels.mail())) {
				errors.add(new FieldError(name, "keeps its inbox and mail on: it is about your account's safety"));
			}
			else {
				changes.put(category, channels);
			}
		});
		if (!errors.isEmpty()) {
			throw new PreferencesRejected(errors);
		}
		this.preferences.change(user.id(), changes);
		return PreferencesResponse.of(this.preferences.all(user.id()));
	}

	private static @Nullable NotificationCategory category(String name) {
		for (NotificationCategory category : NotificationCategory.values()) {
			if (category.name().equals(name)) {
				return category;
			}
		}
		return null;
	}

	/**
	 * @param categories per category, its channels and whether its inbox and mail are
	 * locked on
	 */
	record PreferencesResponse(Map<NotificationCategory, CategoryPreference> categories) {

		static PreferencesResponse of(Map<NotificationCategory, Channels> all) {
			Map<NotificationCategory, CategoryPreference> categories = new EnumMap<>(NotificationCategory.class);
			all.forEach((category, channels) -> categories.put(category,
					new CategoryPreference(channels.inbox(), channels.push(), channels.mail(), category.locked())));
			return new PreferencesResponse(categories);
		}

	}

	record CategoryPreference(boolean inbox, boolean push, boolean mail, boolean locked) {

	}

}
