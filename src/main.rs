fn main() {
    free_ml_platforms::start();
}
