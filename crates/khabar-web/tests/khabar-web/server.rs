//! One real server on 127.0.0.1:0, fetched over HTTP, then shut down.

use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_pages_over_http_and_stops_gracefully() {
    let a = crate::app(None).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(khabar_web::serve(listener, a.router.clone(), async {
        let _ = stopped.await;
    }));
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    conn.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut raw = Vec::new();
    conn.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8_lossy(&raw);
    assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
    let lower = text.to_ascii_lowercase();
    assert!(lower.contains("content-security-policy: default-src 'none'"));
    assert!(text.contains("Floods destroy homes in Baghlan province"));
    // A 1 MB query over the wire: refused at once (by us with 400, or by
    // the HTTP layer with 414/431 before routing), and the server stays up.
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    let started = std::time::Instant::now();
    let request = format!(
        "GET /search?q={} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        "a".repeat(1 << 20)
    );
    // The server may answer and close before reading it all.
    let _ = conn.write_all(request.as_bytes()).await;
    let mut raw = Vec::new();
    let _ = conn.read_to_end(&mut raw).await;
    let took = started.elapsed();
    let text = String::from_utf8_lossy(&raw);
    let status: u16 = text.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    assert!([400, 414, 431].contains(&status), "{text}");
    assert!(took < std::time::Duration::from_secs(1), "{took:?}");
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    conn.write_all(
        b"GET /api/v1/articles?limit=1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .await
    .unwrap();
    let mut raw = Vec::new();
    conn.read_to_end(&mut raw).await.unwrap();
    assert!(String::from_utf8_lossy(&raw).starts_with("HTTP/1.1 200 OK\r\n"));

    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "the listener is closed"
    );
}
