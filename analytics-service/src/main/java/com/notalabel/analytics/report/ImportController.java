package com.notalabel.analytics.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;

/**
 * {@code POST /api/v1/analytics/imports}: a store report or distributor export as
 * {@code multipart/form-data} (part {@code file}), streamed into the import as it
 * arrives; the artist's imports and each one's counts.
 */
@RestController
class ImportController {

	private final ReportImports imports;

	private final JdbcClient jdbc;

	ImportController(ReportImports imports, JdbcClient jdbc) {
		this.imports = imports;
		this.jdbc = jdbc;
	}

	@PostMapping(path = "/api/v1/analytics/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @Schema(implementation = ImportForm.class)))
	ResponseEntity<ImportResponse> upload(CurrentUser user, HttpServletRequest request) {
		@Nullable ImportResponse imported = null;
		try {
			JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory> parser = new JakartaServletFileUpload<>();
			parser.setHeaderCharset(StandardCharsets.UTF_8);
			parser.setMaxPartHeaderSize(8 << 10);
			FileItemInputIterator items = parser.getItemIterator(request);
			while (items.hasNext()) {
				FileItemInput item = items.next();
				String name = Optional.ofNullable(item.getFieldName()).orElse("");
				if (!name.equals("file") || imported != null) {
					throw new ImportRejected(name,
							name.equals("file") ? "is sent twice" : "is not a part of an import");
				}
				try (InputStream in = item.getInputStream()) {
					imported = this.imports.importUpload(user.id().value(), fileName(item.getName()), in, () -> {
						if (items.hasNext()) {
							String next = Optional.ofNullable(items.next().getFieldName()).orElse("");
							throw new ImportRejected(next,
									next.equals("file") ? "is sent twice" : "is not a part of an import");
						}
					});
				}
			}
		}
		catch (IOException ex) {
			throw ImportBodyBroken.of(ex);
		}
		if (imported == null) {
			throw new ImportRejected("file", "is required");
		}
		return ResponseEntity.created(URI.create(imported.self())).body(imported);
	}

	@GetMapping("/api/v1/analytics/imports")
	PageResponse<ImportResponse> list(CurrentUser user, @RequestParam(defaultValue = PageQuery.FIRST_PAGE) int page,
			@RequestParam(defaultValue = PageQuery.DEFAULT_SIZE) int size) {
		PageQuery query = PageQuery.of(page, size);
		List<ImportResponse> items = this.jdbc
			.sql(ImportQueries.SELECT + " where owner_id = :owner order by created_at desc, id desc"
					+ " limit :size offset :offset")
			.param("owner", user.id().value())
			.param("size", query.size())
			.param("offset", (long) query.page() * query.size())
			.query(ImportQueries::row)
			.list();
		long total = this.jdbc.sql("select count(*) from report_import where owner_id = :owner")
			.param("owner", user.id().value())
			.query(Long.class)
			.single();
		return new PageResponse<>(items, query.page(), query.size(), total);
	}

	@GetMapping("/api/v1/analytics/imports/{id}")
	ImportResponse get(CurrentUser user, @PathVariable UUID id) {
		return this.jdbc.sql(ImportQueries.SELECT + " where id = :id and owner_id = :owner")
			.param("id", id)
			.param("owner", user.id().value())
			.query(ImportQueries::row)
			.optional()
			.orElseThrow(() -> new ImportNotFound(id));
	}

	private static @Nullable String fileName(@Nullable String name) {
		if (name == null) {
			return null;
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		base = base.codePoints()
			.filter((c) -> !Character.isISOControl(c) && !Character.isSurrogate((char) c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return base.isEmpty() ? null : base.substring(0, Math.min(base.length(), 255));
	}

	/**
	 * The part of an import, for the API documentation; the request itself is parsed as a
	 * stream.
	 *
	 * @param file a DSR file ({@code .tsv} or {@code .tsv.gz}) or a distributor export
	 * ({@code .tsv}, {@code .csv}, possibly gzip), at most
	 * {@code nal.analytics.imports.max-size}
	 */
	record ImportForm(@Schema(type = "string", format = "binary") String file) {

	}

}
