//! Every text of the interface: its key in the catalogue files and its English.

/// Declares [`Text`], and the keys and English of its variants, in one table.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident $key:literal = $english:literal,)*) => {
        /// A text of the interface; its English is its documentation, its key the name a
        /// catalogue file gives it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text {
            $($(#[$doc])* #[doc = $english] $name,)*
        }

        /// The keys, in the order of [`Text`].
        pub(super) const KEYS: &[&str] = &[$($key,)*];

        /// The English, in the order of [`Text`].
        pub(super) const ENGLISH: &[&str] = &[$($english,)*];
    };
}

texts! {
    // The list.
    EventsTitle "events_title" = "Events",
    ListDescription "list_description" = "{events}: talks, takeaways and recordings.",
    SearchLabel "search_label" = "Search talks, speakers, organisations",
    SearchPlaceholder "search_placeholder" = "e.g. eBPF, GitOps, a speaker",
    SearchRegion "search_region" = "Search and filter events",
    Year "year" = "Year",
    Tag "tag" = "Tag",
    AllYears "all_years" = "All years",
    AllTags "all_tags" = "All tags",
    EventsOne "events_one" = "{n} event",
    EventsOther "events_other" = "{n} events",
    EventsFiltered "events_filtered" = "{shown} of {total} events",
    Undated "undated" = "Undated",
    EventsIn "events_in" = "Events in {year}",
    NoEvents "no_events" = "This feed has no events yet.",
    NoTalks "no_talks" = "No talks listed",
    TalksOne "talks_one" = "{n} talk",
    TalksOther "talks_other" = "{n} talks",
    RecordingBadge "recording_badge" = "Recording",
    MatchingTalks "matching_talks" = "Matching talks",
    NoMatch "no_match" = "No event matches. Try fewer or other words, or another year or tag.",
    ClearSearch "clear_search" = "Clear search and filters",
    LoadOlder "load_older" = "Load older events",
    LoadingOlder "loading_older" = "Loading older events…",
    LoadingEvents "loading_events" = "Loading events…",
    LoadingEvent "loading_event" = "Loading the event…",
    LoadingPeople "loading_people" = "Loading the speakers…",
    // An event page.
    AllEvents "all_events" = "← All events",
    Breadcrumb "breadcrumb" = "Breadcrumb",
    Recording "recording" = "Recording",
    PlayRecording "play_recording" = "Play the recording",
    PlayOf "play_of" = "of {title}",
    PlayFrom "play_from" = "from {time}",
    WatchOnYoutube "watch_on_youtube" = "Watch on YouTube",
    WatchOnVimeo "watch_on_vimeo" = "Watch on Vimeo",
    DownloadRecording "download_recording" = "Download the recording",
    WatchRecording "watch_recording" = "Watch the recording",
    NoRecording "no_recording" = "No recording of this event.",
    RecordingOf "recording_of" = "Recording of {title}",
    Chapters "chapters" = "Chapters",
    Talks "talks" = "Talks",
    TalkNumber "talk_number" = "Talk {n}",
    PlayTalkFrom "play_talk_from" = "Play from {time}: {title}",
    CopyLink "copy_link" = "Copy link",
    LinkCopied "link_copied" = "Link copied",
    CopyByHand "copy_by_hand" = "Copy it from here:",
    LinkToMoment "link_to_moment" = "Link to this moment",
    Sponsors "sponsors" = "Thanks to our sponsors",
    NextMeetup "next_meetup" = "Next meetup",
    DateToBeAnnounced "date_to_be_announced" = "Date to be announced",
    Rsvp "rsvp" = "RSVP",
    Photos "photos" = "Photos",
    PhotoFromEvent "photo_from_event" = "Photo from the event",
    ReadFullRecap "read_full_recap" = "Read the full recap",
    ReadOriginalPost "read_original_post" = "Read the original post",
    OtherEvents "other_events" = "Other events",
    Newer "newer" = "Newer",
    Older "older" = "Older",
    // An address with no page.
    NotFoundTitle "not_found_title" = "This event isn’t here",
    NotFoundText "not_found_text" = "The link may be old, or the event may have moved. Every event is in the list.",
    SeeAllEvents "see_all_events" = "See all events",
    NotFoundPage "not_found_page" = "Not found",
    // People across events.
    Speakers "speakers" = "Speakers",
    Organisations "organisations" = "Organisations",
    AllSpeakers "all_speakers" = "All speakers",
    AllOrganisations "all_organisations" = "All organisations",
    People "people" = "People",
    PeopleOne "people_one" = "{n} person",
    PeopleOther "people_other" = "{n} people",
    OrganisationsOne "organisations_one" = "{n} organisation",
    OrganisationsOther "organisations_other" = "{n} organisations",
    NoSpeakers "no_speakers" = "No one is named as a speaker yet.",
    SearchSpeakers "search_speakers" = "Search speakers and organisations",
    NoSpeakerFound "no_speaker_found" = "No speaker matches this search.",
    NoOrganisations "no_organisations" = "No speaker’s organisation is named yet.",
    SpokeAt "spoke_at" = "{people} who spoke at {events}.",
    SpokeFor "spoke_for" = "{organisations} that speakers spoke for.",
    TalksBy "talks_by" = "{talks} by {people}",
    ForOrganisation "for_organisation" = "for",
    WithPeople "with_people" = "with",
    ByPeople "by_people" = "by",
    SpeakersAt "speakers_at" = "Speakers at {site}",
    OrganisationsAt "organisations_at" = "Organisations at {site}",
    TalksAt "talks_at" = "{name}: talks at {site}",
    SpeakersDescription "speakers_description" = "{people} who spoke at {site}, with their talks, takeaways and recordings.",
    OrganisationsDescription "organisations_description" = "The organisations of the speakers at {site}, with their talks and recordings.",
    SpeakerDescription "speaker_description" = "{talks} by {name} at {site}",
    OrganisationDescription "organisation_description" = "{talks} by {people} from {name} at {site}",
    OurEvents "our_events" = "our events",
    // When the feed cannot be shown.
    LoadFailed "load_failed" = "The events could not be loaded",
    FeedIs "feed_is" = "Feed:",
    PageFailed "page_failed" = "This page could not be shown",
    TryAgain "try_again" = "Try again",
    OftenTemporary "often_temporary" = "This is often temporary.",
    RetryingIn "retrying_in" = "This is often temporary: trying again in {seconds} s.",
    OnlyOnceFixed "only_once_fixed" = "Trying again will only help once the feed is fixed.",
    ErrorNetwork "error_network" = "The feed could not be reached ({why}). Check your connection and try again.",
    ErrorHttp "error_http" = "The server answered {status} for the feed.",
    ErrorNoAnswer "error_no_answer" = "The server did not answer within {seconds} s; Recap gave up waiting.",
    ErrorStillArriving "error_still_arriving" = "The feed was still arriving after {seconds} s; Recap gave up waiting.",
    ErrorTooLarge "error_too_large" = "The feed is larger than {mb} MB, more than Recap reads at once. A large archive can be split into pages.",
    ErrorHtml "error_html" = "An HTML page came back instead of the feed. Check the feed's address.",
    ErrorInvalid "error_invalid" = "The feed could not be read: {why}.",
    ProblemsSmall "problems_small" = "This feed has small problems; every event is shown.",
    ProblemsOne "problems_one" = "{n} event in this feed could not be read and is not shown.",
    ProblemsOther "problems_other" = "{n} events in this feed could not be read and are not shown.",
    SavedCopyFrom "saved_copy_from" = "The network is not answering: this is the saved copy of the events from {date}.",
    SavedCopy "saved_copy" = "The network is not answering: this is a saved copy of the events.",
    // Dates: the names in order, from January and from Monday, and where they go.
    Months "months" = "January|February|March|April|May|June|July|August|September|October|November|December",
    Weekdays "weekdays" = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
    DateLong "date_long" = "{weekday} {day} {month} {year}",
    DateShort "date_short" = "{day} {month} {year}",
}
