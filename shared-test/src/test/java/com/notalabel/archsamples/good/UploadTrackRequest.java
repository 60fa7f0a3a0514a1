package com.notalabel.archsamples.good;

public record UploadTrackRequest(String title) {

}
