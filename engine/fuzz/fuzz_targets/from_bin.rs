//! Fuzz target: the database readers on arbitrary bytes, as the widget meets a corrupt or
//! foreign file. Half the inputs get a valid header so the fuzzer reaches the decoder and
//! `validate` instead of stopping at the magic bytes.
#![no_main]

use crosscheck::model::LazyVerdicts;
use crosscheck::Database;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = Database::from_bin(data);
    let mut framed = b"XCDB".to_vec();
    framed.extend_from_slice(&crosscheck::BIN_VERSION.to_le_bytes());
    framed.extend_from_slice(data);
    if let Ok(db) = Database::from_bin(&framed) {
        assert!(db.validate().is_ok());
        let _ = db.to_json();
    }
    // The widget's lazy reader accepts exactly what `from_bin` accepts.
    for bytes in [data, &framed[..]] {
        assert_eq!(
            Database::from_bin(bytes).is_ok(),
            LazyVerdicts::read(bytes.to_vec()).is_ok()
        );
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Database::from_json(text);
    }
});
