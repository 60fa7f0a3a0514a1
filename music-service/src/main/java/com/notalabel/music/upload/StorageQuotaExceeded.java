package com.notalabel.music.upload;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The file would take the artist's stored originals past their quota. Nothing was kept.
 */
final class StorageQuotaExceeded extends ProblemException {

	/**
	 * The refusal.
	 * @param used what the artist stores already
	 * @param limit the quota
	 * @param size the file's size, or as much of it as had arrived (the request's length
	 * when refused before reading)
	 */
	StorageQuotaExceeded(long used, long limit, long size) {
		super(HttpStatus.CONTENT_TOO_LARGE, "upload.quota_exceeded", "Storage quota exceeded",
				"This file does not fit in your storage: you use " + Sizes.human(used) + " of " + Sizes.human(limit)
						+ ". Delete tracks you no longer need to make room.");
		with("used", used);
		with("limit", limit);
		with("size", size);
		withHeader("Connection", "close");
	}

}
