// Starts the NHS.UK front-end components on every page.
import { initAll } from './vendor/nhsuk-frontend/nhsuk-frontend.min.js'

initAll()
