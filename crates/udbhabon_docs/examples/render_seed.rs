//! Writes the seed office order as PDF in Bengali and English, for looking at.
//!
//! `cargo run -p udbhabon_docs --example render_seed -- [fonts dir] [out dir]`
//! (defaults: /usr/share/fonts/truetype/noto and /tmp), then e.g.
//! `pdftoppm -png -r 110 -f 1 -l 1 /tmp/office_order_bn.pdf /tmp/order`.

#[path = "../tests/fixture/mod.rs"]
mod fixture;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let fonts_dir = args
        .next()
        .unwrap_or_else(|| "/usr/share/fonts/truetype/noto".into());
    let out_dir = args.next().unwrap_or_else(|| "/tmp".into());
    let fonts = match udbhabon_docs::Fonts::load(&fonts_dir) {
        Ok(fonts) => fonts,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::FAILURE;
        }
    };
    for (name, view) in [
        ("bn", fixture::seed_order_bn()),
        ("en", fixture::seed_order_en()),
    ] {
        let path = out_dir.join(format!("office_order_{name}.pdf"));
        let written = udbhabon_docs::render_office_order(&fonts, &view)
            .map_err(|err| err.to_string())
            .and_then(|pdf| std::fs::write(&path, pdf).map_err(|err| err.to_string()));
        match written {
            Ok(()) => println!("{}", path.display()),
            Err(err) => {
                eprintln!("{name}: {err}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
