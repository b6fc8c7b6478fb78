//! `augenblick-collector [--addr 127.0.0.1:8787] [--db augenblick-events.sqlite]
//! [--origin http://127.0.0.1:8080]… [--threads 4]` serves; `augenblick-collector events
//! [--db PATH]` prints the stored events; `augenblick-collector load --target ADDR
//! [--events 10000] [--batch 20] [--concurrency 50]` is the load generator.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(message) = cli::run(std::env::args().skip(1).collect()) {
        eprintln!("augenblick-collector: {message}");
        std::process::exit(2);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::PathBuf;

    use augenblick_collector::load::{self, Load};
    use augenblick_collector::server::{Collector, Config};
    use augenblick_collector::store::Store;

    const DEFAULT_ADDR: &str = "127.0.0.1:8787";
    const DEFAULT_DB: &str = "augenblick-events.sqlite";

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let (command, rest) = match args.first().map(String::as_str) {
            Some("events" | "load") => (args[0].clone(), &args[1..]),
            _ => ("serve".to_owned(), &args[..]),
        };
        let flags = Flags::parse(rest)?;
        match command.as_str() {
            "serve" => serve(&flags),
            "events" => {
                let store = open(&flags)?;
                let (events, _) = store
                    .list(usize::MAX >> 1)
                    .map_err(|e| format!("reading: {e}"))?;
                for event in events {
                    println!("{event}");
                }
                Ok(())
            }
            _ => run_load(&flags),
        }
    }

    fn open(flags: &Flags) -> Result<Store, String> {
        let db = PathBuf::from(flags.one("--db").unwrap_or(DEFAULT_DB));
        Store::open(&db).map_err(|e| format!("cannot open {}: {e}", db.display()))
    }

    fn serve(flags: &Flags) -> Result<(), String> {
        let config = Config {
            addr: flags.one("--addr").unwrap_or(DEFAULT_ADDR).to_owned(),
            origins: flags.all("--origin"),
            threads: flags.number("--threads", 4)?,
        };
        let collector = Collector::start(config, open(flags)?)?;
        println!("augenblick-collector: listening on http://{}/ (POST /v1/batch, POST /v1/track, GET /v1/events)", collector.addr());
        collector.wait();
        Ok(())
    }

    fn run_load(flags: &Flags) -> Result<(), String> {
        let target = flags
            .one("--target")
            .ok_or("load needs --target ADDR (e.g. 127.0.0.1:8787)")?
            .parse()
            .map_err(|e| format!("--target: {e}"))?;
        let load = Load {
            target,
            events: flags.number("--events", 10_000)?,
            batch: flags.number("--batch", 20)?,
            concurrency: flags.number("--concurrency", 50)?,
        };
        let run_id = format!("load-{}", std::process::id());
        let report = load::run(&load, &run_id);
        let seconds = report.elapsed.as_secs_f64();
        println!(
            "sent {} events in {} requests ({} per batch, {} at once): stored {}, failed requests {}",
            report.sent,
            report.latencies.len(),
            load.batch,
            load.concurrency,
            report.stored,
            report.failed
        );
        println!(
            "{:.0} events/s; request latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            report.sent as f64 / seconds,
            report.latency(0.5).as_secs_f64() * 1000.0,
            report.latency(0.99).as_secs_f64() * 1000.0,
            report
                .latencies
                .last()
                .copied()
                .unwrap_or_default()
                .as_secs_f64()
                * 1000.0
        );
        if report.stored != report.sent {
            return Err(format!(
                "{} of {} events were not stored",
                report.sent - report.stored,
                report.sent
            ));
        }
        Ok(())
    }

    /// `--name value` pairs; a name may repeat.
    struct Flags(Vec<(String, String)>);

    impl Flags {
        fn parse(args: &[String]) -> Result<Flags, String> {
            let known = [
                "--addr",
                "--db",
                "--origin",
                "--threads",
                "--target",
                "--events",
                "--batch",
                "--concurrency",
            ];
            let mut pairs = Vec::new();
            let mut args = args.iter();
            while let Some(name) = args.next() {
                if !known.contains(&name.as_str()) {
                    return Err(format!("unknown argument {name}"));
                }
                let value = args.next().ok_or_else(|| format!("{name} needs a value"))?;
                pairs.push((name.clone(), value.clone()));
            }
            Ok(Flags(pairs))
        }

        fn one(&self, name: &str) -> Option<&str> {
            self.0
                .iter()
                .rev()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }

        fn all(&self, name: &str) -> Vec<String> {
            self.0
                .iter()
                .filter(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .collect()
        }

        fn number(&self, name: &str, default: usize) -> Result<usize, String> {
            self.one(name).map_or(Ok(default), |v| {
                v.parse()
                    .map_err(|_| format!("{name}: expected a whole number, got {v}"))
            })
        }
    }
}
