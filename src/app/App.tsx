import React, { useMemo } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { type AppRootProps } from '@grafana/data';
import { resolveSettings, type MeshLensSettings } from '../shared/settings';
import { getMeshLensApp } from './meshLensApp';
import { NotFound } from './NotFound';
import { ROUTES, isKnownAppPath, pageUrl } from './routes';

/** The app root: one SceneApp per mounted app (built from the app's jsonData), its pages routed by Scenes. */
function App(props: AppRootProps<MeshLensSettings>) {
  const jsonData = props.meta.jsonData;
  const app = useMemo(() => getMeshLensApp(resolveSettings(jsonData)), [jsonData]);
  const { pathname } = useLocation();
  if (!isKnownAppPath(pathname)) {
    return <NotFound path={pathname} />;
  }
  return (
    <Routes>
      {/* The bare app URL opens the overview. */}
      <Route path="" element={<Navigate replace to={pageUrl(ROUTES.overview)} />} />
      <Route path="*" element={<app.Component model={app} />} />
    </Routes>
  );
}

export default App;
