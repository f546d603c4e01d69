//! A post's HTML parsed by the browser into an inert document: the parser the talk extractor
//! reads posts with (`recap_extract::parse_body`, light: no walker, no extractor), shared with the
//! app's sanitiser.

pub(crate) use recap_extract::parse_body;
