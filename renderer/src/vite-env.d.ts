// Vite's `import.meta.env` (the client reads `DEV` to check answers in development builds only).
/// <reference types="vite/client" />
