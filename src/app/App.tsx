import React, { useMemo } from 'react';
import { type AppRootProps } from '@grafana/data';
import { resolveSettings, type MeshLensSettings } from '../shared/settings';
import { getMeshLensApp } from './meshLensApp';

/** The app root: one SceneApp per mounted app (built from the app's jsonData), its pages routed by Scenes. */
function App(props: AppRootProps<MeshLensSettings>) {
  const jsonData = props.meta.jsonData;
  const app = useMemo(() => getMeshLensApp(resolveSettings(jsonData)), [jsonData]);
  return <app.Component model={app} />;
}

export default App;
