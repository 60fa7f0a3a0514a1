package com.notalabel.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a multipart request whose file names cannot be stored, before its handler runs.
 * Tomcat's parser refuses a NUL in a file name itself (ADR 23); Jetty's lets one through
 * on some requests, so a service on Jetty checks the names Spring parsed (ADR 49).
 */
final class StorableFileNames implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (request instanceof MultipartHttpServletRequest multipart) {
			for (List<MultipartFile> files : multipart.getMultiFileMap().values()) {
				for (MultipartFile file : files) {
					String name = file.getOriginalFilename();
					if (name != null && !StorableText.isStorable(name)) {
						throw new UnstorableFileName();
					}
				}
			}
		}
		return true;
	}

	static final class UnstorableFileName extends ProblemException {

		UnstorableFileName() {
			super(HttpStatus.BAD_REQUEST, "request.invalid",
					"A file name in the request contains a character that is not allowed.");
		}

	}

}
