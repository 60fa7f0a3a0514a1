package com.notalabel.archsamples.bad;

import org.springframework.beans.factory.annotation.Value;

public class ValueField {

	@Value("${songs.page-size}")
	private int pageSize;

}
