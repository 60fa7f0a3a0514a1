package com.notalabel.shared.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads every JSON string a service binds (record components, collection elements, map
 * keys and untyped values alike) through {@link StorableText}, failing with
 * {@link UnstorableText} and the string's path. Bodies read as {@code JsonNode} trees are
 * not checked here; they are checked when the tree is bound to a record.
 */
final class StorableTextModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	StorableTextModule() {
		super("nal-storable-text");
		addDeserializer(String.class, new StorableStringDeserializer());
		addKeyDeserializer(String.class, new StorableKeyDeserializer());
	}

	static final class StorableStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String value = super.deserialize(parser, context);
			if (!StorableText.isStorable(value)) {
				throw new UnstorableText(parser);
			}
			return value;
		}

	}

	static final class StorableKeyDeserializer extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext context) throws JacksonException {
			if (!StorableText.isStorable(key)) {
				throw new UnstorableText(context.getParser());
			}
			return key;
		}

	}

}
