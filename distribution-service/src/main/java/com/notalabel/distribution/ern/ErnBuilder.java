package com.notalabel.distribution.ern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.xml.bind.JAXBElement;
import org.jspecify.annotations.Nullable;

import com.notalabel.ddex.ern43.AudioDeliveryFile;
import com.notalabel.ddex.ern43.CLineWithDefault;
import com.notalabel.ddex.ern43.CommercialModelType;
import com.notalabel.ddex.ern43.Contributor;
import com.notalabel.ddex.ern43.ContributorRole;
import com.notalabel.ddex.ern43.CurrentTerritoryCode;
import com.notalabel.ddex.ern43.Deal;
import com.notalabel.ddex.ern43.DealList;
import com.notalabel.ddex.ern43.DealTerms;
import com.notalabel.ddex.ern43.DetailedHashSum;
import com.notalabel.ddex.ern43.DiscoverableUseType;
import com.notalabel.ddex.ern43.DisplayArtist;
import com.notalabel.ddex.ern43.DisplayArtistNameWithDefault;
import com.notalabel.ddex.ern43.DisplayArtistRole;
import com.notalabel.ddex.ern43.DisplayTitle;
import com.notalabel.ddex.ern43.DisplayTitleText;
import com.notalabel.ddex.ern43.EventDateWithCurrentTerritory;
import com.notalabel.ddex.ern43.EventDateWithDefault;
import com.notalabel.ddex.ern43.Extent;
import com.notalabel.ddex.ern43.File;
import com.notalabel.ddex.ern43.GenreWithTerritory;
import com.notalabel.ddex.ern43.HashSumAlgorithmType;
import com.notalabel.ddex.ern43.Image;
import com.notalabel.ddex.ern43.ImageCodecType;
import com.notalabel.ddex.ern43.ImageType;
import com.notalabel.ddex.ern43.Language;
import com.notalabel.ddex.ern43.MessageHeader;
import com.notalabel.ddex.ern43.MessagingPartyWithoutCode;
import com.notalabel.ddex.ern43.NewReleaseMessage;
import com.notalabel.ddex.ern43.ObjectFactory;
import com.notalabel.ddex.ern43.PLineWithDefault;
import com.notalabel.ddex.ern43.ParentalWarningTypeWithTerritory;
import com.notalabel.ddex.ern43.Party;
import com.notalabel.ddex.ern43.PartyList;
import com.notalabel.ddex.ern43.PartyNameWithTerritory;
import com.notalabel.ddex.ern43.PartyNameWithoutCode;
import com.notalabel.ddex.ern43.PeriodWithStartDate;
import com.notalabel.ddex.ern43.ProprietaryId;
import com.notalabel.ddex.ern43.Release;
import com.notalabel.ddex.ern43.ReleaseDeal;
import com.notalabel.ddex.ern43.ReleaseId;
import com.notalabel.ddex.ern43.ReleaseLabelReferenceWithParty;
import com.notalabel.ddex.ern43.ReleaseList;
import com.notalabel.ddex.ern43.ReleaseTypeForReleaseNotification;
import com.notalabel.ddex.ern43.ReleaseVisibility;
import com.notalabel.ddex.ern43.ResourceGroup;
import com.notalabel.ddex.ern43.ResourceGroupContentItem;
import com.notalabel.ddex.ern43.ResourceList;
import com.notalabel.ddex.ern43.ResourceProprietaryId;
import com.notalabel.ddex.ern43.SamplingRate;
import com.notalabel.ddex.ern43.SoundRecording;
import com.notalabel.ddex.ern43.SoundRecordingEdition;
import com.notalabel.ddex.ern43.SoundRecordingId;
import com.notalabel.ddex.ern43.SoundRecordingType;
import com.notalabel.ddex.ern43.TechnicalImageDetails;
import com.notalabel.ddex.ern43.TechnicalSoundRecordingDetails;
import com.notalabel.ddex.ern43.avs.CommercialModelTypeERN;
import com.notalabel.ddex.ern43.avs.MessageControlType;
import com.notalabel.ddex.ern43.avs.ParentalWarningType;
import com.notalabel.ddex.ern43.avs.ReleaseProfileVersionId;
import com.notalabel.ddex.ern43.avs.ReleaseTypeERN4;
import com.notalabel.ddex.ern43.avs.UnitOfExtent;
import com.notalabel.ddex.ern43.avs.UnitOfFrequency;
import com.notalabel.ddex.ern43.avs.UseTypeERN;
import com.notalabel.distribution.release.ReleaseSnapshot;
import com.notalabel.distribution.release.ReleaseSnapshot.Track;
import com.notalabel.distribution.storage.ArtworkFacts;
import com.notalabel.types.events.music.TrackUpdated.AudioFacts;
import com.notalabel.types.events.music.TrackUpdated.Credit;

/**
 * Builds the {@code NewReleaseMessage} of a release for one store: the artist and label
 * as parties, a sound recording per track and the front cover as resources with the
 * files' paths and MD5s, the release with its tracks in order, and deals for subscription
 * and ad-supported streaming and for downloads in the release's territories from the
 * release date. ERN 4 has no takedown message: a takedown is the same message whose deals
 * end on the day of the takedown.
 */
public final class ErnBuilder {

	/** The allowed-value-set version the generated classes come from. */
	static final String AVS_VERSION = "3";

	private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();

	private static final ObjectFactory FACTORY = new ObjectFactory();

	private static final String WORLDWIDE = "Worldwide";

	private ErnBuilder() {
	}

	/**
	 * The message.
	 * @param content what is delivered
	 * @return the message, not yet validated (the ddex module's writer validates it)
	 */
	public static NewReleaseMessage build(MessageContent content) {
		ReleaseSnapshot release = content.release();
		NewReleaseMessage message = new NewReleaseMessage();
		message.setAvsVersionId(AVS_VERSION);
		message.setLanguageAndScriptCode("en");
		message.setReleaseProfileVersionId(ReleaseProfileVersionId.AUDIO);
		message.setMessageHeader(header(content));

		Parties parties = new Parties();
		JAXBElement<String> artist = parties.add("PArtist", artistName(release));
		String labelName = (release.labelName() != null && !release.labelName().isBlank()) ? release.labelName()
				: artistName(release);
		JAXBElement<String> label = parties.add("PLabel", labelName);
		message.setPartyList(parties.list());

		ResourceList resources = new ResourceList();
		List<SoundRecording> recordings = new ArrayList<>();
		for (Track track : release.tracks()) {
			SoundRecording recording = recording(content, track, artist, parties);
			recordings.add(recording);
			resources.getSoundRecording().add(recording);
		}
		Image cover = cover(content);
		if (cover != null) {
			resources.getImage().add(cover);
		}
		message.setResourceList(resources);

		ReleaseList releases = new ReleaseList();
		releases.setRelease(release(content, recordings, cover, artist, label));
		message.setReleaseList(releases);
		message.setDealList(deals(content, releases.getRelease()));
		return message;
	}

	private static MessageHeader header(MessageContent content) {
		MessageHeader header = new MessageHeader();
		header.setMessageThreadId(content.release().releaseId().toString().replace("-", ""));
		header.setMessageId(content.messageId());
		header.setMessageSender(party(content.senderDpid(), content.senderName()));
		header.getMessageRecipient().add(party(content.recipientDpid(), content.recipientName()));
		header.setMessageCreatedDateTime(dateTime(content.createdAt()));
		header.setMessageControlType(MessageControlType.LIVE_MESSAGE);
		return header;
	}

	private static MessagingPartyWithoutCode party(String dpid, String name) {
		MessagingPartyWithoutCode party = new MessagingPartyWithoutCode();
		party.setPartyId(dpid);
		PartyNameWithoutCode partyName = new PartyNameWithoutCode();
		partyName.setFullName(name);
		party.setPartyName(partyName);
		return party;
	}

	private static SoundRecording recording(MessageContent content, Track track, JAXBElement<String> artist,
			Parties parties) {
		SoundRecording recording = new SoundRecording();
		recording.setResourceReference("A" + track.number());
		SoundRecordingType type = new SoundRecordingType();
		type.setValue(com.notalabel.ddex.ern43.avs.SoundRecordingType.MUSICAL_WORK_SOUND_RECORDING);
		recording.setType(type);

		SoundRecordingEdition edition = new SoundRecordingEdition();
		SoundRecordingId id = new SoundRecordingId();
		id.setISRC(track.isrc());
		edition.getResourceId().add(id);
		PLineWithDefault pLine = pLine(content.release());
		if (pLine != null) {
			edition.getPLine().add(pLine);
		}
		TechnicalSoundRecordingDetails technical = new TechnicalSoundRecordingDetails();
		technical.setTechnicalResourceDetailsReference("T" + track.number());
		AudioDeliveryFile file = new AudioDeliveryFile();
		file.setType("AudioFile");
		AudioFacts audio = track.audio();
		if (audio != null) {
			com.notalabel.ddex.ern43.AudioCodecType codec = new com.notalabel.ddex.ern43.AudioCodecType();
			codec.setValue("flac".equals(audio.container()) ? com.notalabel.ddex.ern43.avs.AudioCodecType.FLAC
					: com.notalabel.ddex.ern43.avs.AudioCodecType.PCM);
			file.setAudioCodecType(codec);
			file.setNumberOfChannels(Integer.toString(audio.channels()));
			SamplingRate rate = new SamplingRate();
			rate.setValue(BigDecimal.valueOf(audio.sampleRateHz()).movePointLeft(3).stripTrailingZeros());
			rate.setUnitOfMeasure(UnitOfFrequency.K_HZ);
			file.setSamplingRate(rate);
			if (audio.bitDepth() != null) {
				file.setBitsPerSample(BigInteger.valueOf(audio.bitDepth()));
			}
		}
		file.setFile(file(content.files().get(content.audioPath(track))));
		technical.getDeliveryFile().add(file);
		edition.getTechnicalDetails().add(technical);
		recording.getSoundRecordingEdition().add(edition);

		String title = track.title();
		DisplayTitleText titleText = new DisplayTitleText();
		titleText.setValue((track.versionTitle() != null) ? title + " (" + track.versionTitle() + ")" : title);
		recording.getDisplayTitleText().add(titleText);
		recording.getDisplayTitle().add(displayTitle(title, track.versionTitle()));
		recording.getDisplayArtistName().add(artistName(artistName(content.release())));
		int sequence = 1;
		recording.getDisplayArtist().add(displayArtist(artist, DisplayArtistRoleValue.MAIN, sequence++));
		int contributorSequence = 1;
		for (Credit credit : track.credits()) {
			switch (credit.role()) {
				case MAIN_ARTIST -> {
					if (!credit.name().equals(artistName(content.release()))) {
						recording.getDisplayArtist()
							.add(displayArtist(parties.add(credit.name()), DisplayArtistRoleValue.MAIN, sequence++));
					}
				}
				case FEATURED_ARTIST -> recording.getDisplayArtist()
					.add(displayArtist(parties.add(credit.name()), DisplayArtistRoleValue.FEATURED, sequence++));
				default -> {
					Contributor contributor = new Contributor();
					contributor.setContributorPartyReference(parties.add(credit.name()));
					ContributorRole role = new ContributorRole();
					role.setValue(contributorRole(credit.role()));
					contributor.getRole().add(role);
					contributor.setSequenceNumber(BigInteger.valueOf(contributorSequence++));
					recording.getContributor().add(contributor);
				}
			}
		}
		long millis = Math.round(((audio != null) ? audio.durationSeconds() : 0) * 1000);
		recording.setDuration(duration(millis));
		recording.getParentalWarningType().add(parentalWarning(track.explicit()));
		if (track.language() != null && !track.language().isBlank()) {
			Language language = new Language();
			language.setValue(track.language());
			recording.getLanguageOfPerformance().add(language);
		}
		return recording;
	}

	private static @Nullable Image cover(MessageContent content) {
		ArtworkFacts artwork = content.release().artwork();
		if (artwork == null) {
			return null;
		}
		Image image = new Image();
		image.setResourceReference("A" + (content.release().tracks().size() + 1));
		ImageType type = new ImageType();
		type.setValue(com.notalabel.ddex.ern43.avs.ImageType.FRONT_COVER_IMAGE);
		image.setType(type);
		ResourceProprietaryId id = new ResourceProprietaryId();
		ProprietaryId proprietary = new ProprietaryId();
		proprietary.setNamespace(content.senderDpid());
		proprietary.setValue(content.release().albumId().toString());
		id.getProprietaryId().add(proprietary);
		image.getResourceId().add(id);
		TechnicalImageDetails technical = new TechnicalImageDetails();
		technical.setTechnicalResourceDetailsReference("T" + (content.release().tracks().size() + 1));
		ImageCodecType codec = new ImageCodecType();
		codec.setValue("image/png".equals(artwork.mediaType()) ? com.notalabel.ddex.ern43.avs.ImageCodecType.PNG
				: com.notalabel.ddex.ern43.avs.ImageCodecType.JPEG);
		technical.setImageCodecType(codec);
		technical.setImageHeight(pixels(artwork.height()));
		technical.setImageWidth(pixels(artwork.width()));
		technical.setFile(file(content.files().get(content.coverPath())));
		image.getTechnicalDetails().add(technical);
		return image;
	}

	private static Release release(MessageContent content, List<SoundRecording> recordings, @Nullable Image cover,
			JAXBElement<String> artist, JAXBElement<String> label) {
		ReleaseSnapshot snapshot = content.release();
		Release release = new Release();
		release.setReleaseReference("R0");
		ReleaseTypeForReleaseNotification type = new ReleaseTypeForReleaseNotification();
		type.setValue(switch (snapshot.type()) {
			case "SINGLE" -> ReleaseTypeERN4.SINGLE;
			case "EP" -> ReleaseTypeERN4.EP;
			default -> ReleaseTypeERN4.ALBUM;
		});
		release.getReleaseType().add(type);
		ReleaseId id = new ReleaseId();
		id.setICPN(snapshot.upc());
		ProprietaryId proprietary = new ProprietaryId();
		proprietary.setNamespace(content.senderDpid());
		proprietary.setValue(snapshot.releaseId().toString());
		id.getProprietaryId().add(proprietary);
		release.setReleaseId(id);
		DisplayTitleText titleText = new DisplayTitleText();
		titleText.setValue(snapshot.title());
		release.getDisplayTitleText().add(titleText);
		release.getDisplayTitle().add(displayTitle(snapshot.title(), null));
		release.getDisplayArtistName().add(artistName(artistName(snapshot)));
		release.getDisplayArtist().add(displayArtist(artist, DisplayArtistRoleValue.MAIN, 1));
		ReleaseLabelReferenceWithParty labelReference = new ReleaseLabelReferenceWithParty();
		labelReference.setValue(label);
		release.getReleaseLabelReference().add(labelReference);
		PLineWithDefault pLine = pLine(snapshot);
		if (pLine != null) {
			release.getPLine().add(pLine);
		}
		if (snapshot.cLine() != null && !snapshot.cLine().isBlank()) {
			CLineWithDefault cLine = new CLineWithDefault();
			cLine.setCLineText(snapshot.cLine());
			release.getCLine().add(cLine);
		}
		GenreWithTerritory genre = new GenreWithTerritory();
		genre.setGenreText((snapshot.genre() != null && !snapshot.genre().isBlank()) ? snapshot.genre() : "Unknown");
		release.getGenre().add(genre);
		if (snapshot.releaseDate() != null) {
			EventDateWithDefault date = new EventDateWithDefault();
			date.setValue(snapshot.releaseDate().toString());
			release.getReleaseDate().add(date);
		}
		release.getParentalWarningType().add(parentalWarning(snapshot.tracks().stream().anyMatch(Track::explicit)));
		ResourceGroup group = new ResourceGroup();
		group.setSequenceNumber(BigInteger.ONE);
		for (int i = 0; i < recordings.size(); i++) {
			ResourceGroupContentItem item = new ResourceGroupContentItem();
			item.setSequenceNumber(BigInteger.valueOf(i + 1L));
			item.setReleaseResourceReference(recordings.get(i));
			group.getResourceGroupContentItem().add(item);
		}
		if (cover != null) {
			com.notalabel.ddex.ern43.LinkedReleaseResourceReference link = new com.notalabel.ddex.ern43.LinkedReleaseResourceReference();
			link.setValue(cover);
			group.getLinkedReleaseResourceReference().add(link);
		}
		release.setResourceGroup(group);
		return release;
	}

	private static DealList deals(MessageContent content, Release release) {
		ReleaseSnapshot snapshot = content.release();
		LocalDate start = (snapshot.releaseDate() != null) ? snapshot.releaseDate()
				: content.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
		LocalDate end = content.dealsEnd();
		ReleaseDeal releaseDeal = new ReleaseDeal();
		releaseDeal.getDealReleaseReference().add(FACTORY.createReleaseDealDealReleaseReference(release));
		releaseDeal.getDeal()
			.add(deal(snapshot, start, end,
					List.of(CommercialModelTypeERN.SUBSCRIPTION_MODEL,
							CommercialModelTypeERN.ADVERTISEMENT_SUPPORTED_MODEL),
					List.of(UseTypeERN.ON_DEMAND_STREAM, UseTypeERN.NON_INTERACTIVE_STREAM)));
		releaseDeal.getDeal()
			.add(deal(snapshot, start, end, List.of(CommercialModelTypeERN.PAY_AS_YOU_GO_MODEL),
					List.of(UseTypeERN.PERMANENT_DOWNLOAD)));
		DealList deals = new DealList();
		deals.getReleaseDeal().add(releaseDeal);
		ReleaseVisibility visibility = new ReleaseVisibility();
		visibility.setVisibilityReference("V0");
		visibility.setReleaseDisplayStartDateTime(dateTime(start.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
		deals.getReleaseVisibility().add(visibility);
		release.getReleaseVisibilityReference().add(FACTORY.createReleaseReleaseVisibilityReference(visibility));
		return deals;
	}

	private static Deal deal(ReleaseSnapshot snapshot, LocalDate start, @Nullable LocalDate end,
			List<CommercialModelTypeERN> models, List<UseTypeERN> uses) {
		DealTerms terms = new DealTerms();
		List<String> territories = snapshot.territories().isEmpty() ? List.of(WORLDWIDE) : snapshot.territories();
		for (String territory : territories) {
			CurrentTerritoryCode code = new CurrentTerritoryCode();
			code.setValue(territory);
			terms.getTerritoryCode().add(code);
		}
		PeriodWithStartDate period = new PeriodWithStartDate();
		EventDateWithCurrentTerritory startDate = new EventDateWithCurrentTerritory();
		// A takedown before the release date ends deals that never started: both on the takedown's day.
		startDate.setValue(((end != null && end.isBefore(start)) ? end : start).toString());
		period.setStartDate(startDate);
		if (end != null) {
			EventDateWithCurrentTerritory endDate = new EventDateWithCurrentTerritory();
			endDate.setValue(end.toString());
			period.setEndDate(endDate);
		}
		terms.getValidityPeriod().add(period);
		for (CommercialModelTypeERN model : models) {
			CommercialModelType type = new CommercialModelType();
			type.setValue(model);
			terms.getCommercialModelType().add(type);
		}
		for (UseTypeERN use : uses) {
			DiscoverableUseType type = new DiscoverableUseType();
			type.setValue(use);
			terms.getUseType().add(type);
		}
		Deal deal = new Deal();
		deal.setDealTerms(terms);
		return deal;
	}

	private static File file(@Nullable FileFacts facts) {
		if (facts == null) {
			throw new IllegalArgumentException("Every delivered resource needs its file's path and MD5");
		}
		File file = new File();
		file.setURI(facts.path());
		DetailedHashSum hash = new DetailedHashSum();
		HashSumAlgorithmType algorithm = new HashSumAlgorithmType();
		algorithm.setValue(com.notalabel.ddex.ern43.avs.HashSumAlgorithmType.MD_5);
		hash.setAlgorithm(algorithm);
		hash.setHashSumValue(facts.md5());
		file.setHashSum(hash);
		file.setFileSize(BigDecimal.valueOf(facts.sizeBytes()));
		return file;
	}

	private static @Nullable PLineWithDefault pLine(ReleaseSnapshot snapshot) {
		if (snapshot.pLine() == null || snapshot.pLine().isBlank()) {
			return null;
		}
		PLineWithDefault pLine = new PLineWithDefault();
		pLine.setPLineText(snapshot.pLine());
		return pLine;
	}

	private static DisplayTitle displayTitle(String title, @Nullable String version) {
		DisplayTitle display = new DisplayTitle();
		display.setTitleText(title);
		if (version != null && !version.isBlank()) {
			com.notalabel.ddex.ern43.DisplaySubTitle subTitle = new com.notalabel.ddex.ern43.DisplaySubTitle();
			subTitle.setValue(version);
			display.getSubTitle().add(subTitle);
		}
		return display;
	}

	private static DisplayArtistNameWithDefault artistName(String name) {
		DisplayArtistNameWithDefault display = new DisplayArtistNameWithDefault();
		display.setValue(name);
		return display;
	}

	private static DisplayArtist displayArtist(JAXBElement<String> party, DisplayArtistRoleValue role, int sequence) {
		DisplayArtist artist = new DisplayArtist();
		artist.setArtistPartyReference(party);
		DisplayArtistRole displayRole = new DisplayArtistRole();
		displayRole
			.setValue((role == DisplayArtistRoleValue.MAIN) ? com.notalabel.ddex.ern43.avs.DisplayArtistRole.MAIN_ARTIST
					: com.notalabel.ddex.ern43.avs.DisplayArtistRole.FEATURED_ARTIST);
		artist.setDisplayArtistRole(displayRole);
		artist.setSequenceNumber(BigInteger.valueOf(sequence));
		return artist;
	}

	private static ParentalWarningTypeWithTerritory parentalWarning(boolean explicit) {
		ParentalWarningTypeWithTerritory warning = new ParentalWarningTypeWithTerritory();
		warning.setValue(explicit ? ParentalWarningType.EXPLICIT : ParentalWarningType.NOT_EXPLICIT);
		return warning;
	}

	private static String contributorRole(com.notalabel.types.events.music.TrackUpdated.Role role) {
		return switch (role) {
			case COMPOSER -> "Composer";
			case LYRICIST -> "Lyricist";
			case PRODUCER -> "StudioProducer";
			case MIXING_ENGINEER -> "MixingEngineer";
			case MASTERING_ENGINEER -> "MasteringEngineer";
			case REMIXER -> "Remixer";
			default -> "Artist";
		};
	}

	private static Extent pixels(int value) {
		Extent extent = new Extent();
		extent.setValue(BigDecimal.valueOf(value));
		extent.setUnitOfMeasure(UnitOfExtent.PIXEL);
		return extent;
	}

	private static Duration duration(long millis) {
		return DATATYPES.newDuration(millis);
	}

	private static XMLGregorianCalendar dateTime(Instant at) {
		return DATATYPES.newXMLGregorianCalendar(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
	}

	private static String artistName(ReleaseSnapshot release) {
		return (release.artistName() != null) ? release.artistName() : "Unknown Artist";
	}

	private enum DisplayArtistRoleValue {

		MAIN, FEATURED

	}

	/**
	 * The parties of the message, one per name, each with its reference.
	 */
	private static final class Parties {

		private final Map<String, JAXBElement<String>> byName = new LinkedHashMap<>();

		private final PartyList list = new PartyList();

		JAXBElement<String> add(String name) {
			return add("P" + (this.byName.size() + 1), name);
		}

		JAXBElement<String> add(String reference, String name) {
			String key = name.toLowerCase(Locale.ROOT);
			JAXBElement<String> existing = this.byName.get(key);
			if (existing != null) {
				return existing;
			}
			Party party = new Party();
			JAXBElement<String> partyReference = FACTORY.createPartyPartyReference(reference);
			party.getContent().add(partyReference);
			PartyNameWithTerritory partyName = new PartyNameWithTerritory();
			com.notalabel.ddex.ern43.Name fullName = new com.notalabel.ddex.ern43.Name();
			fullName.setValue(name);
			partyName.setFullName(fullName);
			party.getContent().add(FACTORY.createPartyPartyName(partyName));
			this.list.getParty().add(party);
			this.byName.put(key, partyReference);
			return partyReference;
		}

		PartyList list() {
			return this.list;
		}

	}

}
