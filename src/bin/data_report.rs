//! `cargo run --bin data-report`: what the embedded data rests on and where it is weak.

fn main() {
    match free_ml_platforms::dataset::embedded() {
        Ok(data) => print!("{}", free_ml_platforms::report::render(&data)),
        Err(e) => {
            eprintln!("assets/platforms.json is invalid: {e}");
            std::process::exit(1);
        }
    }
}
