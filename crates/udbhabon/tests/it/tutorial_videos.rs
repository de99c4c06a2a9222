//! A tutorial whose video is uploaded here: added without a link, it cannot be finished before its
//! video comes; a file that is not a video, one over the installation's limit and a subtitle track that
//! is not WebVTT are refused with nothing kept; a video with its subtitles is kept, plays on the page
//! and is read by a reader of another office a range at a time, as a player seeks; a new video keeps the
//! subtitles; only those who keep the library upload, and only those signed in watch.

use crate::server::{TestServer, VIDEO_BYTES_MOST, attribute, text, texts};

/// The start of an MP4 file (its `ftyp` box), followed by `length` bytes that count up.
fn mp4(length: usize) -> Vec<u8> {
    let mut bytes = b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom".to_vec();
    bytes.extend((0..length).map(|index| (index % 251) as u8));
    bytes
}

const SUBTITLES: &str = "WEBVTT\n\n00:00.000 --> 00:04.000\nসমস্যা বোঝা\n";

/// Posts the upload form: the video and subtitle fields, each (file name, content) or left empty.
async fn upload(
    browser: &TestServer,
    path: &str,
    csrf: &str,
    video: Option<(&str, Vec<u8>)>,
    subtitles: Option<(&str, Vec<u8>)>,
) -> (u16, scraper::Html) {
    let (video, subtitles) = (
        video.unwrap_or(("", Vec::new())),
        subtitles.unwrap_or(("", Vec::new())),
    );
    browser
        .post_files(
            path,
            csrf,
            &[
                ("video", video.0, &video.1),
                ("subtitles", subtitles.0, &subtitles.1),
            ],
        )
        .await
}

#[tokio::test]
async fn an_uploaded_video_plays_through_range_requests() {
    let server = TestServer::start().await;
    let (secretary, csrf) = server
        .signed_in_as("member-secretary@demo.udbhabon.test")
        .await;
    let fields = [
        ("title_bn", "উদ্ভাবনী ধারণা লেখা"),
        ("topic", "innovation"),
        ("minutes", "১২"),
        ("link", ""),
        ("chapters", "০:০০ শুরু\n২:৩০ ধারণাপত্র"),
    ]
    .map(|(name, value)| (name.to_owned(), value.to_owned()));
    let (status, page) = secretary
        .post_fields("/offices/mole/tutorials", &csrf, &fields)
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        text(&page, "p.no-video"),
        "এই টিউটোরিয়ালের ভিডিও এখনো তোলা হয়নি।"
    );
    assert!(texts(&page, "form[action$='/finished']").is_empty());
    let tutorial = attribute(&page, "form[enctype='multipart/form-data']", "action")
        .trim_end_matches("/video")
        .to_owned();
    let video_path = format!("{tutorial}/video");

    // Nothing to watch yet: finishing it is refused.
    let (focal, focal_csrf) = server.signed_in_as("focal-dife@demo.udbhabon.test").await;
    let (status, refused) = focal
        .post_fields(&format!("{tutorial}/finished"), &focal_csrf, &[])
        .await;
    assert_eq!(status, 422);
    assert!(text(&refused, "main").contains("ভিডিও এখনো তোলা হয়নি"));

    // Not a video, too large, subtitles that are not WebVTT, or nothing at all: refused, nothing kept.
    let oversized = mp4(usize::try_from(VIDEO_BYTES_MOST).unwrap());
    for (video, subtitles, message) in [
        (
            Some(("idea.mp4", b"just some text, not a video".to_vec())),
            None,
            "ভিডিওটি MP4 বা WebM নয় (idea.mp4); ব্রাউজারে চলে এমন MP4 বা WebM ফাইল দিন।",
        ),
        (
            Some(("idea.mp4", oversized)),
            None,
            "ভিডিওটি ১ মেগাবাইটের বেশি বড় (idea.mp4)।",
        ),
        (
            Some(("idea.mp4", mp4(1000))),
            Some((
                "idea.srt",
                b"1\n00:00:00,000 --> 00:00:04,000\nx\n".to_vec(),
            )),
            "সাবটাইটেল ফাইলটি WebVTT নয় (idea.srt); প্রথম লাইনে WEBVTT লেখা UTF-8 .vtt ফাইল দিন।",
        ),
        (
            None,
            Some(("idea.vtt", SUBTITLES.as_bytes().to_vec())),
            "ভিডিও ফাইল বেছে নিন; সাবটাইটেল ভিডিওর সাথেই দেখানো হয়।",
        ),
    ] {
        let (status, page) = upload(&secretary, &video_path, &csrf, video, subtitles).await;
        assert_eq!(status, 422, "{message}");
        assert_eq!(texts(&page, ".field-error"), [message]);
        assert!(page_has_no_player(&secretary.page(&tutorial, 200).await));
        assert_eq!(focal.get(&video_path).await.status(), 404);
    }

    // One who does not keep the ministry's library may not upload to it.
    let (status, _) = upload(
        &focal,
        &video_path,
        &focal_csrf,
        Some(("idea.mp4", mp4(1000))),
        None,
    )
    .await;
    assert_eq!(status, 403);

    let video = mp4(100_000);
    let (status, page) = upload(
        &secretary,
        &video_path,
        &csrf,
        Some(("ধারণা.mp4", video.clone())),
        Some(("ধারণা.vtt", SUBTITLES.as_bytes().to_vec())),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        text(&page, ".notice"),
        "তোলা হয়েছে; ভিডিওটি এখন এই পাতাতেই চলবে।"
    );
    assert_eq!(attribute(&page, "video", "src"), video_path);
    assert_eq!(
        attribute(&page, "video track", "src"),
        format!("{tutorial}/subtitles.vtt")
    );
    assert_eq!(
        texts(&page, "ol.chapters a"),
        ["০:০০", "২:৩০"],
        "a chapter's time plays the video from it"
    );
    assert_eq!(
        attribute(&page, "ol.chapters li:nth-child(2) a", "href"),
        format!("{video_path}#t=150")
    );

    // A reader of an agency plays it: the whole, then a range as the player seeks.
    let whole = focal.get(&video_path).await;
    assert_eq!(whole.status(), 200);
    assert_eq!(whole.headers()["accept-ranges"], "bytes");
    assert_eq!(whole.headers()["content-type"], "video/mp4");
    assert!(whole.headers().get("content-encoding").is_none());
    let etag = whole.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(whole.bytes().await.unwrap().as_ref(), video.as_slice());
    let ranged = |range: &str| {
        focal
            .client
            .get(format!("{}{video_path}", focal.base))
            .header("range", range.to_owned())
    };
    let part = ranged("bytes=1000-1999").send().await.unwrap();
    assert_eq!(part.status(), 206);
    assert_eq!(
        part.headers()["content-range"],
        format!("bytes 1000-1999/{}", video.len()).as_str()
    );
    assert_eq!(part.bytes().await.unwrap().as_ref(), &video[1000..2000]);
    let tail = ranged("bytes=-24").send().await.unwrap();
    assert_eq!(tail.status(), 206);
    assert_eq!(
        tail.bytes().await.unwrap().as_ref(),
        &video[video.len() - 24..]
    );
    let beyond = ranged("bytes=900000-").send().await.unwrap();
    assert_eq!(beyond.status(), 416);
    assert_eq!(
        beyond.headers()["content-range"],
        format!("bytes */{}", video.len()).as_str()
    );
    // A range asked of another version is answered with the whole of this one.
    let other = ranged("bytes=0-9")
        .header("if-range", "\"another\"")
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 200);
    assert_eq!(other.bytes().await.unwrap().len(), video.len());
    let held = focal
        .client
        .get(format!("{}{video_path}", focal.base))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(held.status(), 304);
    let track = focal.get(&format!("{tutorial}/subtitles.vtt")).await;
    assert_eq!(track.headers()["content-type"], "text/vtt");
    assert_eq!(track.text().await.unwrap(), SUBTITLES);

    // A new video keeps the subtitle track.
    let (status, page) = upload(
        &secretary,
        &video_path,
        &csrf,
        Some(("ধারণা-২.mp4", mp4(2000))),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert!(text(&page, "details.card").contains("ধারণা-২.mp4"));
    assert!(text(&page, "details.card").contains("ধারণা.vtt"));
    assert_eq!(
        focal.get(&video_path).await.bytes().await.unwrap().len(),
        mp4(2000).len()
    );

    // Finished by the reader, once it can be watched; a stranger is sent to sign in.
    let (status, _) = focal
        .post_fields(&format!("{tutorial}/finished"), &focal_csrf, &[])
        .await;
    assert_eq!(status, 200);
    let stranger = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let answer = stranger
        .get(format!("{}{video_path}", server.base))
        .send()
        .await
        .unwrap();
    assert!(answer.status().is_redirection());
    assert!(
        answer.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );
}

fn page_has_no_player(page: &scraper::Html) -> bool {
    texts(page, "video").is_empty()
}
