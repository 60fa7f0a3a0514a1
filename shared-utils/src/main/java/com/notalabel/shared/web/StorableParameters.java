package com.notalabel.shared.web;

import java.beans.PropertyEditorSupport;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Binds every text parameter of every controller ({@code @RequestParam},
 * {@code @PathVariable}, {@code @RequestHeader}, form fields) through
 * {@link StorableText}: {@code ?q=%00} is a 400 naming {@code q}, not a value that
 * PostgreSQL refuses later.
 */
@ControllerAdvice
class StorableParameters {

	@InitBinder
	void refuseUnstorableText(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StorableTextEditor());
	}

	/**
	 * What the binder's type conversion throws for an unstorable value; Spring MVC turns
	 * it into a type mismatch on the parameter.
	 */
	static final class UnstorableParameter extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		UnstorableParameter() {
			super("A parameter contains a NUL character or an unpaired surrogate");
		}

	}

	private static final class StorableTextEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(@Nullable String text) {
			if (text != null && !StorableText.isStorable(text)) {
				throw new UnstorableParameter();
			}
			setValue(text);
		}

	}

}
