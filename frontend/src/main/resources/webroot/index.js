/**
 * Usage: <script type="module" src="index.js"></script> in index.html.
 *
 * Registers every custom element (one place lists them all), then mounts <gan-app>.
 */
import { registerGanApp } from './app/app.js';
import { registerGanConnectionStatus } from './components/gan-connection-status/gan-connection-status.js';
import { registerGanRunPanel } from './components/gan-run-panel/gan-run-panel.js';
import { registerGanPresetPicker } from './components/gan-preset-picker/gan-preset-picker.js';
import { registerGanControlPanel } from './components/gan-control-panel/gan-control-panel.js';
import { registerGanPlane } from './components/gan-plane/gan-plane.js';
import { registerGanTrainForm } from './components/gan-train-form/gan-train-form.js';
import { registerGanModelForm } from './components/gan-model-form/gan-model-form.js';
import { registerGanChartDeck } from './components/gan-chart-deck/gan-chart-deck.js';
import { registerGanChart } from './components/gan-chart/gan-chart.js';
import { registerGanAlarmBanner } from './components/gan-alarm-banner/gan-alarm-banner.js';
import { registerGanModeHistogram } from './components/gan-mode-histogram/gan-mode-histogram.js';
import { registerGanRemediesForm } from './components/gan-remedies-form/gan-remedies-form.js';
import { registerGanPairSide } from './components/gan-pair-side/gan-pair-side.js';
import { registerGanPairView } from './components/gan-pair-view/gan-pair-view.js';
import { registerGanPairPicker } from './components/gan-pair-picker/gan-pair-picker.js';
import { registerGanImageGrid } from './components/gan-image-grid/gan-image-grid.js';
import { registerGanTimeline } from './components/gan-timeline/gan-timeline.js';
import { registerGanClassHistogram } from './components/gan-class-histogram/gan-class-histogram.js';
import { registerGanLoadProgress } from './components/gan-load-progress/gan-load-progress.js';
import { registerGanImageExports } from './components/gan-image-exports/gan-image-exports.js';
import { registerGanStyleMixer } from './components/gan-style-mixer/gan-style-mixer.js';
import { registerGanImageView } from './components/gan-image-view/gan-image-view.js';
import { registerGanGrowthStatus } from './components/gan-growth-status/gan-growth-status.js';
import { registerGanImageSettings } from './components/gan-image-settings/gan-image-settings.js';
import { registerGanAeView } from './components/gan-ae-view/gan-ae-view.js';
import { registerGanAeCharts } from './components/gan-ae-charts/gan-ae-charts.js';

function start() {
  // Leaves first, so every element is already defined when a parent renders it.
  registerGanChart();
  registerGanChartDeck();
  registerGanPlane();
  registerGanAlarmBanner();
  registerGanModeHistogram();
  registerGanRemediesForm();
  registerGanImageGrid();
  registerGanTimeline();
  registerGanClassHistogram();
  registerGanLoadProgress();
  registerGanImageExports();
  registerGanGrowthStatus();
  registerGanStyleMixer();
  registerGanImageView();
  registerGanImageSettings();
  registerGanAeView();
  registerGanAeCharts();
  registerGanControlPanel();
  registerGanTrainForm();
  registerGanModelForm();
  registerGanPresetPicker();
  registerGanConnectionStatus();
  registerGanRunPanel();
  registerGanPairSide();
  registerGanPairView();
  registerGanPairPicker();
  registerGanApp();
  document.body.append(document.createElement('gan-app'));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
